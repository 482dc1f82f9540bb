/**
 * The capsule studio in the portal: the capsules list, the first-capsule wizard and the editor's
 * draft, brand and publishing tabs, sharing one loader per page.
 */
package io.encaptio.interfaces.capsule.web;
