/**
 * Shared building blocks every module may use: the clock, the closed set of error codes and the
 * business exception that carries one of them to the UI and to the REST API.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.safespeak.base;
