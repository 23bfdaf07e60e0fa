import type { MenuKey } from '@bmnn/contracts';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AccountsPage } from '../accounts/accounts.page.tsx';
import { AuditPage } from '../audit/audit.page.tsx';
import { ProfilePage } from '../auth/profile.page.tsx';
import { useSession } from '../auth/session.context.tsx';
import { DanhMucPage } from '../danh-muc/danh-muc.page.tsx';
import { PeoplePage } from '../people/people.page.tsx';
import { DevicesPage } from '../devices/devices.page.tsx';
import { IncidentsPage } from '../incidents/incidents.page.tsx';
import { LeakChecksPage } from '../leak-checks/leak-checks.page.tsx';
import { SecretWorkPage } from '../secret-work/secret-work.page.tsx';
import { TrainingPage } from '../training/training.page.tsx';
import { MeetingsPage } from '../meetings/meetings.page.tsx';
import { BooksPage } from '../register/books.page.tsx';
import { StockTakePage } from '../register/stock-take.page.tsx';
import { ItemDetailPage } from '../register/item-detail.page.tsx';
import { ItemsListPage } from '../register/items-list.page.tsx';
import { ReceivePage } from '../register/receive.page.tsx';
import { DashboardPage } from '../register/dashboard.page.tsx';
import { EnvelopePage } from '../register/envelope.page.tsx';
import { ProposePage } from '../register/propose.page.tsx';
import { UnitsPage } from '../units/units.page.tsx';
import { DestructionPage } from '../destruction/destruction.page.tsx';
import { ReleasesPage } from '../release/releases.page.tsx';
import { PeriodsPage } from '../register/periods.page.tsx';
import { FilesPage } from '../files/files.page.tsx';
import { FileDetailPage } from '../files/file-detail.page.tsx';
import { RegisterImportPage } from '../register-import/register-import.page.tsx';
import { RuleSetsPage } from '../rule-sets/rule-sets.page.tsx';
import { getMenuEntries } from './menu.ts';
import { Shell } from './shell.component.tsx';

/**
 * A page reachable only by the roles whose menu has it (the server enforces the same); anyone
 * else, e.g. the next person to log in on this browser, lands on their own first page.
 */
function Allowed({ menu, home, children }: { menu: MenuKey; home: string; children: ReactNode }) {
  const { account } = useSession();
  if (getMenuEntries(account.roles).some((e) => e.key === menu)) return children;
  return <Navigate to={home} replace />;
}

export function AppRoutes() {
  const { account } = useSession();
  const home = getMenuEntries(account.roles)[0]?.path ?? '/profile';
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route index element={<Navigate to={home} replace />} />
        <Route path="units" element={<Allowed menu="units" home={home}><UnitsPage /></Allowed>} />
        <Route path="people" element={<Allowed menu="people" home={home}><PeoplePage /></Allowed>} />
        <Route path="accounts" element={<Allowed menu="accounts" home={home}><AccountsPage /></Allowed>} />
        <Route path="audit" element={<Allowed menu="audit" home={home}><AuditPage /></Allowed>} />
        <Route path="items" element={<Allowed menu="items" home={home}><ItemsListPage /></Allowed>} />
        <Route path="items/receive" element={<Allowed menu="books" home={home}><ReceivePage /></Allowed>} />
        <Route path="items/propose" element={<Allowed menu="items" home={home}><ProposePage /></Allowed>} />
        <Route path="items/:id/envelope" element={<Allowed menu="items" home={home}><EnvelopePage /></Allowed>} />
        <Route path="viec-can-lam" element={<Allowed menu="todo" home={home}><DashboardPage /></Allowed>} />
        <Route path="items/:id" element={<Allowed menu="items" home={home}><ItemDetailPage /></Allowed>} />
        <Route path="books" element={<Allowed menu="books" home={home}><BooksPage /></Allowed>} />
        <Route path="books/stock-takes" element={<Allowed menu="books" home={home}><StockTakePage /></Allowed>} />
        <Route path="danh-muc" element={<Allowed menu="danhMuc" home={home}><DanhMucPage /></Allowed>} />
        <Route path="devices" element={<Allowed menu="devices" home={home}><DevicesPage /></Allowed>} />
        <Route path="incidents" element={<Allowed menu="incidents" home={home}><IncidentsPage /></Allowed>} />
        <Route path="leak-checks" element={<Allowed menu="leakChecks" home={home}><LeakChecksPage /></Allowed>} />
        <Route path="secret-work" element={<Allowed menu="secret-work" home={home}><SecretWorkPage /></Allowed>} />
        <Route path="periods" element={<Allowed menu="periods" home={home}><PeriodsPage /></Allowed>} />
        <Route path="releases" element={<Allowed menu="releases" home={home}><ReleasesPage /></Allowed>} />
        <Route path="destruction" element={<Allowed menu="destruction" home={home}><DestructionPage /></Allowed>} />
        <Route path="files" element={<Allowed menu="files" home={home}><FilesPage /></Allowed>} />
        <Route path="files/:id" element={<Allowed menu="files" home={home}><FileDetailPage /></Allowed>} />
        <Route path="books/import" element={<Allowed menu="books" home={home}><RegisterImportPage /></Allowed>} />
        <Route path="training" element={<Allowed menu="training" home={home}><TrainingPage /></Allowed>} />
        <Route path="meetings" element={<Allowed menu="meetings" home={home}><MeetingsPage /></Allowed>} />
        <Route path="rule-sets" element={<Allowed menu="ruleSets" home={home}><RuleSetsPage /></Allowed>} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="*" element={<Navigate to={home} replace />} />
      </Route>
    </Routes>
  );
}
