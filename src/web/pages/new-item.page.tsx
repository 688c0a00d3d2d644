// /items/new: the post form — kind, title, markdown body, sectors, TLP label and a guided audience.
import { type FormEvent, useState } from "react";
import { audienceProblem } from "../../shared/policy.js";
import { SECTORS } from "../../shared/schemas/common.js";
import { ITEM_KINDS } from "../../shared/schemas/items.schemas.js";
import type { TlpLabel } from "../../shared/tlp.js";
import { ErrorAlert } from "../components/alert.js";
import { AudiencePicker, type Directory, fitAudience } from "../components/audience-picker.js";
import { CheckboxList } from "../components/checkbox-list.js";
import { Loading } from "../components/loading.js";
import { MarkdownEditor } from "../components/markdown-editor.js";
import { TlpSelect } from "../components/tlp-select.js";
import { itemsApi } from "../data/endpoints.js";
import type { AudienceIds, ItemKind, Sector } from "../data/types.js";
import { useDirectory } from "../hooks/use-directory.js";
import { useTitle } from "../hooks/use-title.js";
import { kindName, sectorName } from "../lib/format.js";
import { navigate } from "../router/router.js";

const WHOLE_EXCHANGE: AudienceIds = {
  exchange: true,
  organisations: [],
  groups: [],
  persons: [],
};
const EMPTY_DIRECTORY: Directory = {
  organisations: [],
  groups: [],
  persons: [],
};
const SECTOR_CHOICES = SECTORS.map((s) => ({ value: s, label: sectorName(s) }));

/** The page for posting a new item. */
export function NewItemPage() {
  useTitle("Post an item");
  const directory = useDirectory();
  const [kind, setKind] = useState<ItemKind>("warning");
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [sectors, setSectors] = useState<Sector[]>([]);
  const [tlp, setTlp] = useState<TlpLabel>("TLP:AMBER");
  const [audience, setAudience] = useState<AudienceIds>(WHOLE_EXCHANGE);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const problem = audienceProblem(tlp, audience);
  // Without the directory the whole exchange is still a valid audience for most labels.
  const choices = directory.data ?? (directory.error ? EMPTY_DIRECTORY : null);

  const changeTlp = (next: TlpLabel) => {
    setTlp(next);
    setAudience((current) => fitAudience(next, current));
    setError(null);
  };
  const changeAudience = (next: AudienceIds) => {
    setAudience(next);
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setError(new Error("Give the item a title."));
      return;
    }
    if (problem) {
      setError(new Error(problem));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const item = await itemsApi.create({
        kind,
        title: title.trim(),
        body,
        sectors,
        tlp,
        audience,
      });
      navigate(`/items/${item.id}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Post an item</h1>
      <form className="form-wide" onSubmit={submit}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="item-kind">Kind</label>
            <select id="item-kind" value={kind} onChange={(e) => setKind(e.target.value as ItemKind)}>
              {ITEM_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindName(k)}
                </option>
              ))}
            </select>
          </div>
          <TlpSelect value={tlp} onChange={changeTlp} />
        </div>
        <div className="field">
          <label htmlFor="item-title-input">Title</label>
          <input id="item-title-input" required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <MarkdownEditor label="Body" value={body} onChange={setBody} maxLength={200_000} />
        <CheckboxList
          legend="Sectors"
          hint="The sectors this concerns (optional)."
          choices={SECTOR_CHOICES}
          selected={sectors}
          onChange={(next) => setSectors(next as Sector[])}
          filterable={false}
          inline
        />
        {directory.loading && <Loading label="Loading organisations, groups and persons…" />}
        <ErrorAlert error={directory.error} />
        {choices && <AudiencePicker tlp={tlp} value={audience} onChange={changeAudience} directory={choices} />}
        <ErrorAlert error={error} />
        <div className="actions">
          <button type="submit" className="button" disabled={busy || !choices}>
            {busy ? "Posting…" : `Post as ${tlp}`}
          </button>
          <button type="button" className="button button-secondary" onClick={() => window.history.back()}>
            Cancel
          </button>
        </div>
      </form>
    </>
  );
}
