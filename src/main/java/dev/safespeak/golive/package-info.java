/**
 * The go-live board: Markdown checklist templates (the deployment checklist seed is the default),
 * releases created from them, checklist items with owners, statuses, due dates, notes, evidence
 * links, comments and history, and the live board where the release team ticks them off.
 * Other modules read the board through {@link dev.safespeak.golive.ReleaseService} (releases, board, summary),
 * {@link dev.safespeak.golive.ReleaseItemService} (single items) and
 * {@link dev.safespeak.golive.ChecklistTemplateService} (templates), and react to
 * its events ({@link dev.safespeak.golive.ItemStatusChanged}, {@link dev.safespeak.golive.ItemChanged}).
 */
package dev.safespeak.golive;
