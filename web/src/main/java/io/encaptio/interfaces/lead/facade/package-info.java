/** The leads as a spreadsheet-safe CSV, for the API and the inbox page alike. */
package io.encaptio.interfaces.lead.facade;
