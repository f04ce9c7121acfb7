/** Shared UI: the main layout with its role-aware navigation and the UI error handler. */
@org.springframework.modulith.NamedInterface("ui")
package dev.safespeak.base.ui;
