/**
 * Notifications: what the organization's people are told about, by whom they are told (role and
 * preferences), in which language and through which channel (portal, e-mail, Slack, Teams).
 */
package io.encaptio.domain.notification;
