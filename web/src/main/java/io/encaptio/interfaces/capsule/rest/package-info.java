/** The integrator API of capsules and their content ({@code /api/v1/capsules}). */
package io.encaptio.interfaces.capsule.rest;
