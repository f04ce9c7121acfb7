/** Shared UI: the main layout with its role-aware navigation, the UI error handler, live and narrow-window helpers. */
@org.springframework.modulith.NamedInterface("ui")
package dev.safespeak.base.ui;
