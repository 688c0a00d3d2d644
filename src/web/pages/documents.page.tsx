// /documents: the full current Terms of Reference and NDA, and accepting them.

import { ErrorAlert } from "../components/alert.js";
import { DateTime } from "../components/date-time.js";
import { DocumentsAcceptance } from "../components/documents-acceptance.js";
import { Loading } from "../components/loading.js";
import { Markdown } from "../components/markdown.js";
import { documentsApi } from "../data/endpoints.js";
import { useApi } from "../hooks/use-api.js";
import { useTitle } from "../hooks/use-title.js";
import { documentKindName } from "../lib/format.js";

/** The documents page. */
export function DocumentsPage() {
  useTitle("Terms of Reference and NDA");
  const documents = useApi((signal) => documentsApi.current({ signal }), []);
  const data = documents.data;
  return (
    <>
      <h1>Terms of Reference and NDA</h1>
      <p className="lead">
        Every member accepts the current Terms of Reference and non-disclosure agreement of the exchange. Until you do, you see
        nothing above TLP:CLEAR. When the secretariat publishes a new version, everyone accepts it again.
      </p>
      {documents.loading && !data && <Loading label="Loading the documents…" />}
      <ErrorAlert error={documents.error} />
      {data && (
        <>
          {data.documents.map((doc) => (
            <article key={doc.id} className="card document" aria-labelledby={`doc-${doc.id}`}>
              <header>
                <p className="eyebrow">{documentKindName(doc.kind)}</p>
                <h2 id={`doc-${doc.id}`}>{doc.title}</h2>
                <p className="muted small">
                  Version {doc.version}, published <DateTime iso={doc.publishedAt} dateOnly />
                </p>
              </header>
              <div className="document-body">
                <Markdown source={doc.body} />
              </div>
            </article>
          ))}
          <section className="card" aria-labelledby="accept-heading">
            <h2 id="accept-heading">Your acceptance</h2>
            <DocumentsAcceptance current={data} onAccepted={documents.setData} />
          </section>
        </>
      )}
    </>
  );
}
