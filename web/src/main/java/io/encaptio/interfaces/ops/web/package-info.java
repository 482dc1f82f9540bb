/** The platform operators' console ({@code /ops}): tenants and their lifecycle. */
package io.encaptio.interfaces.ops.web;
