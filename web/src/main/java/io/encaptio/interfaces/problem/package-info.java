/** RFC 9457 problem details: the one error format of every HTTP endpoint. */
package io.encaptio.interfaces.problem;
