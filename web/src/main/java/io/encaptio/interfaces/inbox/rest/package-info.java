/** Visitors' conversations of a capsule for its editors ({@code …/conversations}). */
package io.encaptio.interfaces.inbox.rest;
