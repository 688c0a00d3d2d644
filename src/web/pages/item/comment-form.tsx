// Writing a comment, an RFI answer or a reply: label never less restrictive than the parent, optional narrower audience.
import { type FormEvent, useId, useState } from "react";
import { audienceProblem } from "../../../shared/policy.js";
import type { TlpLabel } from "../../../shared/tlp.js";
import { ErrorAlert } from "../../components/alert.js";
import { AudiencePicker, fitAudience } from "../../components/audience-picker.js";
import { FormActions } from "../../components/form-actions.js";
import { Loading } from "../../components/loading.js";
import { MarkdownEditor } from "../../components/markdown-editor.js";
import { TlpSelect } from "../../components/tlp-select.js";
import { collaborationApi } from "../../data/endpoints.js";
import type { AudienceIds, Comment, CreateCommentRequest, Item } from "../../data/types.js";
import { useDirectory } from "../../hooks/use-directory.js";
import { useSubmit } from "../../hooks/use-submit.js";

/** What is being written: a top-level comment, an answer to an RFI, or a reply to a comment. */
export type PostKind = "comment" | "answer" | "reply";

const TEXT: Record<PostKind, { label: string; submit: string; busy: string; form: (parent: string) => string }> = {
  comment: { label: "Comment", submit: "Add comment", busy: "Adding…", form: () => "New comment" },
  answer: { label: "Your answer", submit: "Send answer", busy: "Sending…", form: () => "Answer the request" },
  reply: { label: "Reply", submit: "Send reply", busy: "Sending…", form: (parent) => `Reply to ${parent}` },
};

function audienceOf(item: Item): AudienceIds {
  return {
    exchange: item.audience.exchange,
    organisations: item.audience.organisations.map((o) => o.id),
    groups: item.audience.groups.map((g) => g.id),
    persons: item.audience.persons.map((p) => p.id),
  };
}

function NarrowAudience({ tlp, value, onChange }: { tlp: TlpLabel; value: AudienceIds; onChange: (a: AudienceIds) => void }) {
  const directory = useDirectory();
  if (directory.loading) return <Loading label="Loading recipients…" />;
  if (directory.error || !directory.data) return <ErrorAlert error={directory.error} />;
  return <AudiencePicker tlp={tlp} value={value} onChange={onChange} directory={directory.data} />;
}

/** The form; `parent` null means a top-level post under the item (whose label is then the minimum). */
export function CommentForm({
  item,
  parent,
  kind,
  inputId,
  onPosted,
  onCancel,
}: {
  item: Item;
  parent: Comment | null;
  kind: PostKind;
  inputId?: string;
  onPosted: (comment: Comment) => void;
  onCancel?: () => void;
}) {
  const id = useId();
  const minimum = parent?.tlp ?? item.tlp;
  const [body, setBody] = useState("");
  const [tlp, setTlp] = useState<TlpLabel>(minimum);
  const [narrow, setNarrow] = useState(false);
  const [audience, setAudience] = useState<AudienceIds>(() => fitAudience(minimum, audienceOf(item)));
  const [anonymous, setAnonymous] = useState(false);
  const { busy, error, setError, refuse, send } = useSubmit();
  // TLP:RED goes to named persons: a RED reply under a wider parent must name its recipients.
  const mustNarrow = tlp === "TLP:RED" && minimum !== "TLP:RED";
  const narrowing = narrow || mustNarrow;
  const text = TEXT[kind];

  const changeTlp = (next: TlpLabel) => {
    setTlp(next);
    setAudience((current) => fitAudience(next, current));
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      refuse(kind === "answer" ? "Write your answer first." : "Write something first.");
      return;
    }
    const problem = narrowing ? audienceProblem(tlp, audience) : null;
    if (problem) {
      refuse(problem);
      return;
    }
    const request: CreateCommentRequest = { body: body.trim() };
    if (parent) request.parentId = parent.id;
    if (tlp !== minimum) request.tlp = tlp;
    if (narrowing) request.audience = audience;
    if (anonymous) request.anonymous = true;
    await send(async () => {
      onPosted(await collaborationApi.comment(item.id, request));
      setBody("");
      setAnonymous(false);
      setNarrow(false);
      setTlp(minimum);
    });
  };

  return (
    <form className="comment-form" onSubmit={submit} aria-label={text.form(parent?.author.name ?? "")}>
      <MarkdownEditor
        id={inputId}
        label={text.label}
        value={body}
        onChange={setBody}
        rows={kind === "reply" ? 4 : 6}
        maxLength={50_000}
      />
      <div className="form-grid">
        <TlpSelect
          label="Label"
          value={tlp}
          onChange={changeTlp}
          minimum={minimum}
          hint={`Never less restrictive than ${parent ? "the comment it answers" : "the item"} (${minimum}).`}
        />
        <div className="field comment-options">
          <label className="check">
            <input
              type="checkbox"
              checked={narrowing}
              disabled={mustNarrow}
              aria-describedby={`${id}-narrow-hint`}
              onChange={(e) => setNarrow(e.target.checked)}
            />
            <span>Choose a narrower audience</span>
          </label>
          <p id={`${id}-narrow-hint`} className="hint">
            {mustNarrow
              ? "TLP:RED goes to named persons only: choose them below."
              : `Otherwise it goes to everyone who can read ${parent ? "the comment it answers" : "the item"}.`}
          </p>
          <label className="check">
            <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
            <span>Post anonymously (other organisations see a pseudonym)</span>
          </label>
        </div>
      </div>
      {narrowing && <NarrowAudience tlp={tlp} value={audience} onChange={setAudience} />}
      <FormActions error={error} busy={busy} label={text.submit} busyLabel={text.busy} onCancel={onCancel} />
    </form>
  );
}
