/** The leads visitors leave, as JSON or a spreadsheet-safe CSV. */
package io.encaptio.interfaces.lead.rest;
