// Attachments: type checked by content, stored in the database with the item's visibility,
// served only as downloads.
import { createHash, randomUUID } from "node:crypto";
import { AppError, notFound } from "../../shared/errors.js";
import type { Attachment } from "../../shared/schemas/index.js";
import { isAtLeastAsRestrictive, type TlpLabel } from "../../shared/tlp.js";
import type { Deps, Viewer } from "../context.js";
import { appendAudit } from "../repositories/audit.repository.js";
import * as collab from "../repositories/collaboration.repository.js";
import { findReadableItem, type ItemWithNames } from "../repositories/items.repository.js";
import { newPseudonym } from "./anonymity.js";
import { attachmentType } from "./attachment-type.js";
import { audienceColumns, audienceOf, checkAudience, contentAudit, requireAcceptedDocuments } from "./items.service.js";

type AttachmentMeta = Awaited<ReturnType<typeof collab.readableAttachments>>[number];

/** Presents an attachment; on an RFI whose answerers are hidden from each other, so are its uploaders. */
function present(a: AttachmentMeta, viewer: Viewer, item: ItemWithNames): Attachment {
  const hiddenAnswerer =
    item.kind === "rfi" &&
    item.details.answerersVisible !== true &&
    viewer.organisationId !== item.author_organisation_id &&
    viewer.organisationId !== a.author_organisation_id;
  const hidden = hiddenAnswerer || (a.anonymous && a.author_organisation_id !== viewer.organisationId);
  return {
    id: a.id,
    itemId: a.item_id,
    filename: a.filename,
    mediaType: a.media_type,
    size: a.size,
    sha256: a.sha256,
    tlp: a.tlp,
    author: hidden ? { id: null, name: a.pseudonym } : { id: a.author_id, name: a.author_name },
    createdAt: a.created_at.toISOString(),
  };
}

/** Attachments of a readable item. */
export async function listAttachments(deps: Deps, viewer: Viewer, itemId: string): Promise<Attachment[]> {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const item = await findReadableItem(trx, itemId);
    if (!item) throw notFound("item");
    return (await collab.readableAttachments(trx, itemId)).map((a) => present(a, viewer, item));
  });
}

/** Stores an attachment on a readable item; its label is the item's or stricter. */
export async function addAttachment(
  deps: Deps,
  viewer: Viewer,
  itemId: string,
  input: { filename: string; tlp?: TlpLabel; bytes: Buffer; anonymous?: boolean },
): Promise<Attachment> {
  const mediaType = await attachmentType(input.filename, input.bytes);
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const item = await findReadableItem(trx, itemId);
    if (!item) throw notFound("item");
    await requireAcceptedDocuments(trx, viewer);
    const tlp = input.tlp ?? item.tlp;
    if (!isAtLeastAsRestrictive(tlp, item.tlp)) {
      throw new AppError(
        "label_too_permissive",
        `An attachment to ${item.tlp} content must be ${item.tlp} or more restrictive, not ${tlp}.`,
      );
    }
    const audience = audienceOf(item);
    await checkAudience(trx, tlp, audience);
    const row: collab.AttachmentRow = {
      id: randomUUID(),
      item_id: itemId,
      filename: input.filename,
      media_type: mediaType,
      size: input.bytes.length,
      sha256: createHash("sha256").update(input.bytes).digest("hex"),
      content: input.bytes,
      tlp,
      ...audienceColumns(audience),
      author_id: viewer.personId,
      author_organisation_id: viewer.organisationId,
      anonymous: input.anonymous ?? (item.anonymous && item.author_organisation_id === viewer.organisationId),
      pseudonym:
        item.anonymous && item.author_organisation_id === viewer.organisationId
          ? (item.pseudonym ?? newPseudonym())
          : newPseudonym(),
      created_at: deps.clock(),
    };
    await collab.insertAttachment(trx, row);
    await appendAudit(
      trx,
      contentAudit(
        deps,
        viewer,
        "attachment.added",
        { type: "attachment", id: row.id },
        { tlp, item: itemId, size: row.size },
        row.anonymous ? { pseudonym: row.pseudonym } : null,
      ),
    );
    const [created] = (await collab.readableAttachments(trx, itemId)).filter((a) => a.id === row.id);
    if (!created) throw new Error("a new attachment must be readable by its author");
    return present(created, viewer, item);
  });
}

/** An attachment's bytes for download, if the viewer may read it; the download is audited. */
export async function downloadAttachment(deps: Deps, viewer: Viewer, id: string) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const a = await collab.readableAttachment(trx, id);
    if (!a) throw notFound("attachment");
    await appendAudit(trx, contentAudit(deps, viewer, "attachment.downloaded", { type: "attachment", id }, { tlp: a.tlp }));
    return { filename: a.filename, mediaType: a.media_type, content: a.content };
  });
}
