package io.encaptio.domain.capsule;

import java.io.Serializable;

/** A button a visitor sees beside the chat, such as "Book a call", opening a URL. */
public record ActionButton(String label, String url) implements Serializable {}
