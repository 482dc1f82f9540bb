/** The inbox page: visitors' conversations and leads of one capsule. */
package io.encaptio.interfaces.inbox.web;
