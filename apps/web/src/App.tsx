import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout';
import { InboxLive } from './features/notifications/inbox';
import { Home } from './pages/Home';
import { NotFound } from './pages/NotFound';

/** A page loaded on first visit, from its feature's own chunk. */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
}

const Tools = page(() => import('./features/tools/Tools'), 'Tools');
const SearchPage = page(() => import('./features/search/SearchPage'), 'SearchPage');
const ToolPropose = page(() => import('./features/tools/ToolPropose'), 'ToolPropose');
const ToolPage = page(() => import('./features/tools/ToolPage'), 'ToolPage');
const DesignPage = page(() => import('./features/design/DesignPage'), 'DesignPage');
const HeldSections = page(() => import('./features/design/HeldSections'), 'HeldSections');
const Authorities = page(() => import('./features/community/Authorities'), 'Authorities');
const Ideas = page(() => import('./features/ideas/Ideas'), 'Ideas');
const IdeaNew = page(() => import('./features/ideas/IdeaForm'), 'IdeaNew');
const IdeaPage = page(() => import('./features/ideas/IdeaPage'), 'IdeaPage');
const Guides = page(() => import('./features/guides/Guides'), 'Guides');
const GuideNew = page(() => import('./features/guides/GuideForm'), 'GuideNew');
const GuideEdit = page(() => import('./features/guides/GuideForm'), 'GuideEdit');
const GuidePage = page(() => import('./features/guides/GuidePage'), 'GuidePage');
const CatalogueAuthority = page(() => import('./features/tools/CatalogueAuthority'), 'CatalogueAuthority');
const Initiatives = page(() => import('./features/initiatives/Initiatives'), 'Initiatives');
const InitiativeNew = page(() => import('./features/initiatives/InitiativeForm'), 'InitiativeNew');
const InitiativeEdit = page(() => import('./features/initiatives/InitiativeForm'), 'InitiativeEdit');
const InitiativeDashboard = page(() => import('./features/initiatives/InitiativeDashboard'), 'InitiativeDashboard');
const InitiativePage = page(() => import('./features/initiatives/InitiativePage'), 'InitiativePage');
const Threads = page(() => import('./features/discussions/Threads'), 'Threads');
const ThreadPage = page(() => import('./features/discussions/thread/ThreadPage'), 'ThreadPage');
const SignIn = page(() => import('./features/account/SignIn'), 'SignIn');
const Register = page(() => import('./features/account/Register'), 'Register');
const Account = page(() => import('./features/account/Account'), 'Account');
const ForgotPassword = page(() => import('./features/account/ForgotPassword'), 'ForgotPassword');
const ResetPassword = page(() => import('./features/account/ResetPassword'), 'ResetPassword');
const ConfirmEmail = page(() => import('./features/account/ConfirmEmail'), 'ConfirmEmail');
const SingleSignOn = page(() => import('./features/admin/SingleSignOn'), 'SingleSignOn');
const AdminPeople = page(() => import('./features/admin/People'), 'People');
const AdminOrganisations = page(() => import('./features/admin/Organisations'), 'Organisations');
const AuditLog = page(() => import('./features/admin/AuditLog'), 'AuditLog');
const Moderation = page(() => import('./features/moderation/ModerationPage'), 'Moderation');
const Notifications = page(() => import('./features/notifications/Notifications'), 'Notifications');
const NotificationSettings = page(() => import('./features/notifications/NotificationSettings'), 'NotificationSettings');

export function App() {
  return (
    <Layout>
      <InboxLive />
      <Suspense fallback={<p className="govuk-body">Loading…</p>}>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/tools" element={<Tools />} />
          <Route path="/tools/new" element={<ToolPropose />} />
          <Route path="/tools/:slug" element={<ToolPage />} />
          <Route path="/tools/:slug/design" element={<DesignPage />} />
          <Route path="/authorities" element={<Authorities />} />
          <Route path="/ideas" element={<Ideas />} />
          <Route path="/ideas/new" element={<IdeaNew />} />
          <Route path="/ideas/:id" element={<IdeaPage />} />
          <Route path="/guides" element={<Guides />} />
          <Route path="/guides/new" element={<GuideNew />} />
          <Route path="/guides/:slug" element={<GuidePage />} />
          <Route path="/guides/:slug/edit" element={<GuideEdit />} />
          <Route path="/authorities/:id" element={<CatalogueAuthority />} />
          <Route path="/initiatives" element={<Initiatives />} />
          <Route path="/initiatives/new" element={<InitiativeNew />} />
          <Route path="/initiatives/dashboard" element={<InitiativeDashboard />} />
          <Route path="/initiatives/:slug" element={<InitiativePage />} />
          <Route path="/initiatives/:slug/edit" element={<InitiativeEdit />} />
          <Route path="/discussions" element={<Threads />} />
          <Route path="/threads/:id" element={<ThreadPage />} />
          <Route path="/search" element={<SearchPage />} />
          <Route path="/sign-in" element={<SignIn />} />
          <Route path="/register" element={<Register />} />
          <Route path="/moderation" element={<Moderation />} />
          <Route path="/moderation/design" element={<HeldSections />} />
          <Route path="/notifications" element={<Notifications />} />
          <Route path="/settings/notifications" element={<NotificationSettings />} />
          <Route path="/account" element={<Account />} />
          <Route path="/forgot-password" element={<ForgotPassword />} />
          <Route path="/reset-password" element={<ResetPassword />} />
          <Route path="/confirm-email" element={<ConfirmEmail />} />
          <Route path="/admin/sso" element={<SingleSignOn />} />
          <Route path="/admin/people" element={<AdminPeople />} />
          <Route path="/admin/organisations" element={<AdminOrganisations />} />
          <Route path="/admin/audit" element={<AuditLog />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
