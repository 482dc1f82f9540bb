/** The tenant aggregate and the value rules that guard it: slugs, schema names and statuses. */
package io.encaptio.tenancy.domain;
