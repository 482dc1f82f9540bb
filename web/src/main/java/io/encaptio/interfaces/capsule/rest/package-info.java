/**
 * The integrator API of capsules ({@code /api/v1/capsules}): their lifecycle, versions and brand
 * images.
 */
package io.encaptio.interfaces.capsule.rest;
