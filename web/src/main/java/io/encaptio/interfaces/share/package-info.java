/** The capsules' share pages ({@code /c/{key}}) and their QR codes: what a shared link opens. */
package io.encaptio.interfaces.share;
