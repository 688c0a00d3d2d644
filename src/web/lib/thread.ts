// Builds the reply tree of an item's thread from the API's flat, oldest-first comment list.
import type { Comment } from "../data/types.js";

/** A comment with its replies (oldest first). */
export interface ThreadNode {
  comment: Comment;
  replies: ThreadNode[];
}

/** Nests comments under their parents; a reply whose parent is not readable is shown at the top level. */
export function buildThread(comments: readonly Comment[]): ThreadNode[] {
  const nodes = new Map<string, ThreadNode>();
  for (const comment of comments) nodes.set(comment.id, { comment, replies: [] });
  const roots: ThreadNode[] = [];
  for (const comment of comments) {
    const node = nodes.get(comment.id) as ThreadNode;
    const parent = comment.parentId ? nodes.get(comment.parentId) : undefined;
    if (parent && parent !== node) parent.replies.push(node);
    else roots.push(node);
  }
  return roots;
}
