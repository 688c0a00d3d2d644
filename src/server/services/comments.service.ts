// Threads and RFI answers: a reply is never less restrictive than its parent and never reaches
// anyone who cannot read the parent.
import { randomUUID } from "node:crypto";
import { AppError, notFound } from "../../shared/errors.js";
import type { Audience } from "../../shared/policy.js";
import type { Comment } from "../../shared/schemas/index.js";
import { isAtLeastAsRestrictive, type TlpLabel } from "../../shared/tlp.js";
import type { Deps, Viewer } from "../context.js";
import type { Tx } from "../db/database.js";
import { appendAudit } from "../repositories/audit.repository.js";
import * as collab from "../repositories/collaboration.repository.js";
import { findReadableItem, type ItemWithNames } from "../repositories/items.repository.js";
import { newPseudonym, originatorFor } from "./anonymity.js";
import {
  audienceColumns,
  audienceOf,
  checkAudience,
  contentAudit,
  normaliseAudience,
  requireAcceptedDocuments,
} from "./items.service.js";

type CommentWithNames = Awaited<ReturnType<typeof collab.readableComments>>[number];

/** Replies nest at most this many levels below a top-level comment (deep chains cost every read). */
const MAX_DEPTH = 9;

/** Presents a comment; RFI answerers are pseudonymous to each other unless the asker chose otherwise. */
function present(item: ItemWithNames, c: CommentWithNames, viewer: Viewer): Comment {
  const hideAnswerer =
    item.kind === "rfi" &&
    item.details.answerersVisible !== true &&
    viewer.organisationId !== item.author_organisation_id &&
    viewer.organisationId !== c.author_organisation_id;
  const shown = hideAnswerer
    ? { author: { id: null, name: c.pseudonym }, organisation: { id: null, name: "A member organisation" } }
    : originatorFor(c, { author: c.author_name, organisation: c.organisation_name }, viewer.organisationId);
  return {
    id: c.id,
    itemId: c.item_id,
    parentId: c.parent_id,
    body: c.body,
    tlp: c.tlp,
    // On an RFI, what other organisations write are answers; the asker's own replies are not
    // (for an anonymous RFI those replies carry the item's pseudonym, so this reveals nobody).
    isAnswer: item.kind === "rfi" && c.author_organisation_id !== item.author_organisation_id,
    ...shown,
    own: c.author_organisation_id === viewer.organisationId,
    createdAt: c.created_at.toISOString(),
  };
}

async function itemOr404(trx: Tx, itemId: string): Promise<ItemWithNames> {
  const item = await findReadableItem(trx, itemId);
  if (!item) throw notFound("item");
  return item;
}

/** The thread of a readable item: the comments the viewer may read, oldest first. */
export async function listComments(deps: Deps, viewer: Viewer, itemId: string): Promise<Comment[]> {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const item = await itemOr404(trx, itemId);
    return (await collab.readableComments(trx, itemId)).map((c) => present(item, c, viewer));
  });
}

/** Adds a comment (an answer on an RFI) under the item or under a comment the viewer can read. */
export async function addComment(
  deps: Deps,
  viewer: Viewer,
  itemId: string,
  input: { body: string; tlp?: TlpLabel; audience?: Audience; parentId?: string; anonymous: boolean },
): Promise<Comment> {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const item = await itemOr404(trx, itemId);
    await requireAcceptedDocuments(trx, viewer);
    if (item.kind === "rfi" && item.closed_at)
      throw new AppError("conflict", "This request for information is closed; it takes no more answers.");
    let parent: { tlp: TlpLabel; audience: Audience; depth: number } = { tlp: item.tlp, audience: audienceOf(item), depth: -1 };
    if (input.parentId) {
      const [parentComment] = await collab.readableComments(trx, itemId, input.parentId);
      if (!parentComment) throw notFound("comment");
      // The item may have been relabelled upwards since the parent was written: the stricter counts.
      const floor = isAtLeastAsRestrictive(parentComment.tlp, item.tlp) ? parentComment.tlp : item.tlp;
      parent = { tlp: floor, audience: audienceOf(parentComment), depth: parentComment.depth };
    }
    if (parent.depth + 1 > MAX_DEPTH) {
      throw new AppError("validation_failed", `Replies nest at most ${MAX_DEPTH + 1} levels deep; reply higher up the thread.`, [
        { path: "body.parentId", message: "too deep" },
      ]);
    }
    const tlp = input.tlp ?? parent.tlp;
    if (!isAtLeastAsRestrictive(tlp, parent.tlp)) {
      throw new AppError(
        "label_too_permissive",
        `A reply to ${parent.tlp} content must be ${parent.tlp} or more restrictive, not ${tlp}.`,
      );
    }
    // On an anonymous item the originating organisation always speaks under the item's pseudonym.
    const fromAnonymousOriginator = item.anonymous && item.author_organisation_id === viewer.organisationId;
    const audience = normaliseAudience(input.audience ?? parent.audience);
    await checkAudience(trx, tlp, audience);
    const now = deps.clock();
    const row: collab.CommentRow = {
      id: randomUUID(),
      item_id: itemId,
      parent_id: input.parentId ?? null,
      depth: parent.depth + 1,
      body: input.body,
      tlp,
      ...audienceColumns(audience),
      author_id: viewer.personId,
      author_organisation_id: viewer.organisationId,
      anonymous: input.anonymous || fromAnonymousOriginator,
      pseudonym: fromAnonymousOriginator ? (item.pseudonym ?? newPseudonym()) : newPseudonym(),
      created_at: now,
    };
    await collab.insertComment(trx, row);
    await appendAudit(
      trx,
      contentAudit(
        deps,
        viewer,
        item.kind === "rfi" ? "rfi.answered" : "comment.created",
        { type: "comment", id: row.id },
        { tlp, item: itemId },
        row.anonymous ? { pseudonym: row.pseudonym } : null,
      ),
    );
    const [created] = await collab.readableComments(trx, itemId, row.id);
    if (!created) throw new Error("a new comment must be readable by its author");
    return present(item, created, viewer);
  });
}
