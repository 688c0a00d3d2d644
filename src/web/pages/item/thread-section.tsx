// The discussion of an item (answers, for an RFI): the reply tree, reply forms and the top-level form.
import { useId, useState } from "react";
import { ErrorAlert, Notice } from "../../components/alert.js";
import { DateTime } from "../../components/date-time.js";
import { Loading } from "../../components/loading.js";
import { Markdown } from "../../components/markdown.js";
import { TlpBadge } from "../../components/tlp-badge.js";
import { collaborationApi } from "../../data/endpoints.js";
import type { Comment, Item } from "../../data/types.js";
import { useApi } from "../../hooks/use-api.js";
import { focusById } from "../../lib/focus.js";
import { buildThread, type ThreadNode } from "../../lib/thread.js";
import { CommentForm } from "./comment-form.js";

interface NodeProps {
  node: ThreadNode;
  item: Item;
  canWrite: boolean;
  replyingTo: string | null;
  setReplyingTo: (id: string | null) => void;
  onPosted: (comment: Comment) => void;
}

function CommentView({ node, item, canWrite, replyingTo, setReplyingTo, onPosted }: NodeProps) {
  const base = useId();
  const { comment } = node;
  const replying = replyingTo === comment.id;
  // An anonymous comment of another organisation comes with a pseudonym and no organisation id.
  const byline =
    comment.organisation.id === null || !comment.organisation.name
      ? comment.author.name
      : `${comment.author.name}, ${comment.organisation.name}`;
  return (
    <li className="thread-entry">
      <article
        className={`comment${comment.isAnswer ? " comment-answer" : ""}`}
        aria-labelledby={`${base}-by`}
        data-testid="comment"
      >
        <header className="comment-head">
          <span id={`${base}-by`} className="comment-author">
            {byline}
          </span>
          {comment.own && <span className="tag">your organisation</span>}
          {comment.isAnswer && <span className="tag tag-answer">Answer</span>}
          <TlpBadge label={comment.tlp} />
          <span className="muted small">
            <DateTime iso={comment.createdAt} />
          </span>
        </header>
        <Markdown source={comment.body} />
        {canWrite && !replying && (
          <button
            type="button"
            className="button button-link button-small"
            onClick={() => {
              setReplyingTo(comment.id);
              focusById(`${base}-reply`);
            }}
          >
            Reply<span className="visually-hidden"> to {comment.author.name}</span>
          </button>
        )}
      </article>
      {replying && (
        <CommentForm
          item={item}
          parent={comment}
          kind="reply"
          inputId={`${base}-reply`}
          onPosted={(c) => {
            onPosted(c);
            setReplyingTo(null);
          }}
          onCancel={() => setReplyingTo(null)}
        />
      )}
      {node.replies.length > 0 && (
        <ol className="thread thread-replies">
          {node.replies.map((reply) => (
            <CommentView
              key={reply.comment.id}
              node={reply}
              item={item}
              canWrite={canWrite}
              replyingTo={replyingTo}
              setReplyingTo={setReplyingTo}
              onPosted={onPosted}
            />
          ))}
        </ol>
      )}
    </li>
  );
}

/** The "Discussion" (or, for an RFI, "Answers") section. */
export function ThreadSection({ item }: { item: Item }) {
  const comments = useApi((signal) => collaborationApi.comments(item.id, { signal }), [item.id]);
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const [posted, setPosted] = useState(false);
  const rfi = item.kind === "rfi";
  const closed = rfi && item.status === "closed";
  const list = comments.data?.comments ?? [];
  const tree = buildThread(list);
  const add = (comment: Comment) => {
    comments.setData((previous) => ({ comments: [...(previous?.comments ?? []), comment] }));
    setPosted(true);
  };
  const answers = list.filter((c) => c.isAnswer).length;

  return (
    <section className="section" aria-labelledby="thread-heading">
      <h2 id="thread-heading">
        {rfi ? "Answers" : "Discussion"}
        {comments.data && <span className="heading-count"> ({rfi ? answers : list.length})</span>}
      </h2>
      {comments.loading && !comments.data && <Loading label="Loading the discussion…" />}
      <ErrorAlert error={comments.error} />
      {comments.data && list.length === 0 && (
        <p className="muted">{rfi ? "No answers yet." : "No comments yet. Start the discussion below."}</p>
      )}
      {tree.length > 0 && (
        <ol className="thread" data-testid="thread">
          {tree.map((node) => (
            <CommentView
              key={node.comment.id}
              node={node}
              item={item}
              canWrite={!closed}
              replyingTo={replyingTo}
              setReplyingTo={setReplyingTo}
              onPosted={add}
            />
          ))}
        </ol>
      )}
      {posted && (
        <Notice kind="success">
          <p>{rfi ? "Posted." : "Your comment was added."}</p>
        </Notice>
      )}
      {closed ? (
        <Notice>
          <p>This request is closed; it no longer takes answers.</p>
        </Notice>
      ) : (
        <div className="panel">
          <h3>{rfi ? (item.own ? "Add to your request" : "Answer this request") : "Add a comment"}</h3>
          <CommentForm item={item} parent={null} kind={rfi && !item.own ? "answer" : "comment"} onPosted={add} />
        </div>
      )}
    </section>
  );
}
