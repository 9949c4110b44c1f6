/**
 * The inbox door: items arrive as folders of photos.
 *
 * <pre>
 * &lt;inbox&gt;/                         boomer.inbox.dir (env BOOMER_INBOX_DIR), default &lt;boomer.data-dir&gt;/inbox
 *   alice/                          a username; unknown names are rejected
 *     LAMP-001/                     one item; the name becomes its SKU when it looks like one
 *       front.jpg back.png ...      .jpg .jpeg .png .webp, 1 to 12, at most 50 MiB each, taken in name order
 *       PRIORITY                    optional: URGENT, NORMAL (default) or ECONOMY
 *       READY                       optional: take the folder now instead of after the quiet period
 *   .processing/ .done/ .rejected/  the watcher's own folders; .rejected entries hold a REASON.txt
 * </pre>
 *
 * Other files are ignored, as is every name starting with '.'. Symbolic links are never followed: a linked
 * item folder or a linked file in one gets the folder rejected with code {@code symlink}.
 */
package dev.boomer.inbox;
