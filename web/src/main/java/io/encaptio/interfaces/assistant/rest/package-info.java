/**
 * The assistant over the API: asking, conversations, feedback, search, retrieval settings, chat
 * models, model routing and golden questions.
 */
package io.encaptio.interfaces.assistant.rest;
