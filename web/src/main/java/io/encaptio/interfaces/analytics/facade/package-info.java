/** What the analytics API and page share: the report as CSV and as Chart.js configurations. */
package io.encaptio.interfaces.analytics.facade;
