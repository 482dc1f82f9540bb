/**
 * Fetching web pages for URL sources with Apache HttpClient: one page or a same-site crawl, never
 * into private networks (the guard sits in the DNS resolver), always within robots.txt.
 */
package io.encaptio.infrastructure.web;
