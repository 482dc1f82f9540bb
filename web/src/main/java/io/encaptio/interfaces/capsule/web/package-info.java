/** The capsule studio in the portal: the capsules list and the capsule editor. */
package io.encaptio.interfaces.capsule.web;
