// /calls/new[?item=…]: convene an urgent call — title, the item it is about, bridge details, start and invitees.
import { type FormEvent, useState } from "react";
import { ErrorAlert, Notice } from "../components/alert.js";
import { FormActions } from "../components/form-actions.js";
import { Loading } from "../components/loading.js";
import { TlpBadge } from "../components/tlp-badge.js";
import { callsApi, itemsApi } from "../data/endpoints.js";
import type { AudienceIds } from "../data/types.js";
import { useApi } from "../hooks/use-api.js";
import { useDirectory } from "../hooks/use-directory.js";
import { useSubmit } from "../hooks/use-submit.js";
import { useTitle } from "../hooks/use-title.js";
import { localDateTimeIso } from "../lib/dates.js";
import { Link, navigate, useSearchParams } from "../router/router.js";
import { InviteesPicker } from "./call/invitees-picker.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOBODY: AudienceIds = { exchange: false, organisations: [], groups: [], persons: [] };

/** Shows which item an id points to (when readable), so the convener sees what the call is about. */
function LinkedItem({ id }: { id: string }) {
  const valid = UUID.test(id);
  const item = useApi((signal) => (valid ? itemsApi.get(id, { quiet: true, signal }) : Promise.resolve(null)), [id, valid]);
  if (!id.trim()) return null;
  if (!valid) return <p className="field-error">An item id looks like 0f8fad5b-d9cb-469f-a165-70867728950e.</p>;
  if (item.loading) return <p className="hint">Looking up the item…</p>;
  if (!item.data) return <p className="field-error">No item you can read has this id.</p>;
  return (
    <p className="hint linked-item" data-testid="linked-item">
      About: <TlpBadge label={item.data.tlp} /> <Link to={`/items/${item.data.id}`}>{item.data.title}</Link>
    </p>
  );
}

/** The convene page. */
export function NewCallPage() {
  useTitle("Convene an urgent call");
  const directory = useDirectory();
  const itemParam = useSearchParams().get("item") ?? "";
  const [title, setTitle] = useState("");
  const [itemId, setItemId] = useState(itemParam);
  const [bridge, setBridge] = useState("");
  const [startsAt, setStartsAt] = useState("");
  const [invitees, setInvitees] = useState<AudienceIds>(NOBODY);
  const { busy, error, refuse, send } = useSubmit({ closes: true });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const start = startsAt ? localDateTimeIso(startsAt) : null;
    const anyone =
      invitees.exchange || invitees.groups.length > 0 || invitees.organisations.length > 0 || invitees.persons.length > 0;
    if (!title.trim()) {
      refuse("Give the call a title.");
      return;
    }
    if (!bridge.trim()) {
      refuse("Give the bridge details: a dial-in number or video link.");
      return;
    }
    if (itemId.trim() && !UUID.test(itemId.trim())) {
      refuse("The item id is not valid.");
      return;
    }
    if (startsAt && !start) {
      refuse("The start time is not valid.");
      return;
    }
    if (!anyone) {
      refuse("Invite someone: the whole exchange, groups, organisations or persons.");
      return;
    }
    await send(async () => {
      const call = await callsApi.convene({
        title: title.trim(),
        itemId: itemId.trim() || null,
        bridge: bridge.trim(),
        ...(start ? { startsAt: start } : {}),
        invitees,
      });
      navigate(`/calls/${call.id}`);
    });
  };

  return (
    <>
      <h1>Convene an urgent call</h1>
      <Notice kind="warning">
        <p>
          <strong>An urgent call is TLP:RED.</strong> Only the invitees see it, its bridge details and its roll-call. They are
          notified at once; those who asked for it also by e-mail (without the bridge details).
        </p>
      </Notice>
      <form className="form-wide" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="call-title">Title</label>
          <input id="call-title" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="call-item">Item the call is about (optional)</label>
          <input
            id="call-item"
            className="id"
            value={itemId}
            placeholder="Item id"
            aria-describedby="call-item-hint"
            onChange={(e) => setItemId(e.target.value)}
          />
          <p id="call-item-hint" className="hint">
            Invitees who may read the item see a link to it.
          </p>
          <LinkedItem id={itemId.trim()} />
        </div>
        <div className="field">
          <label htmlFor="call-bridge">Bridge details</label>
          <textarea
            id="call-bridge"
            rows={3}
            maxLength={2000}
            value={bridge}
            placeholder="Dial-in number and PIN, or the video link"
            onChange={(e) => setBridge(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="call-start">Starts (optional; now when empty)</label>
          <input
            id="call-start"
            type="datetime-local"
            className="input-medium"
            value={startsAt}
            onChange={(e) => setStartsAt(e.target.value)}
          />
        </div>
        {directory.loading && <Loading label="Loading organisations, groups and persons…" />}
        <ErrorAlert error={directory.error} />
        {directory.data && <InviteesPicker value={invitees} onChange={setInvitees} directory={directory.data} />}
        <FormActions
          error={error}
          busy={busy}
          label="Convene the call"
          busyLabel="Convening…"
          danger
          disabled={!directory.data}
          onCancel={() => window.history.back()}
        />
      </form>
    </>
  );
}
