/** Portal screens of the organization's assistant settings: its chat models. */
package io.encaptio.interfaces.assistant.web;
