// /admin: the secretariat's administration — organisations, persons, working groups, documents.
import { Tabs } from "../components/tabs.js";
import { useTitle } from "../hooks/use-title.js";
import { navigate, useSearchParams } from "../router/router.js";
import { DocumentsTab } from "./admin/documents-tab.js";
import { GroupsTab } from "./admin/groups-tab.js";
import { OrganisationsTab } from "./admin/organisations-tab.js";
import { PersonsTab } from "./admin/persons-tab.js";

const TABS = [
  {
    id: "organisations",
    label: "Organisations",
    render: () => <OrganisationsTab />,
  },
  { id: "persons", label: "Persons", render: () => <PersonsTab /> },
  { id: "groups", label: "Working groups", render: () => <GroupsTab /> },
  { id: "documents", label: "Documents", render: () => <DocumentsTab /> },
];

/** The administration page (secretariat only; the route guard checks the role). */
export function AdminPage() {
  useTitle("Administration");
  const tab = useSearchParams().get("tab") ?? "organisations";
  return (
    <>
      <h1>Administration</h1>
      <Tabs
        label="Administration"
        tabs={TABS}
        selected={tab}
        onSelect={(id) => navigate(`/admin?tab=${encodeURIComponent(id)}`, { replace: true })}
      />
    </>
  );
}
