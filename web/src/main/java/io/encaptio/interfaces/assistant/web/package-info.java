/**
 * Portal screens of the assistant: the playground, the organization's chat models and a capsule's
 * model chain.
 */
package io.encaptio.interfaces.assistant.web;
