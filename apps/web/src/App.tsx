import { Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout';
import { Account } from './pages/Account';
import { CatalogueAuthority } from './pages/CatalogueAuthority';
import { Home } from './pages/Home';
import { InitiativeDashboard } from './pages/InitiativeDashboard';
import { InitiativeEdit, InitiativeNew } from './pages/InitiativeForm';
import { InitiativePage } from './pages/InitiativePage';
import { Initiatives } from './pages/Initiatives';
import { Moderation } from './pages/Moderation';
import { NotFound } from './pages/NotFound';
import { InboxProvider, Notifications } from './pages/Notifications';
import { NotificationSettings } from './pages/NotificationSettings';
import { Register } from './pages/Register';
import { SignIn } from './pages/SignIn';
import { ThreadPage } from './pages/Thread';
import { Threads } from './pages/Threads';
import { ToolPage } from './pages/ToolPage';
import { ToolPropose } from './pages/ToolPropose';
import { Tools } from './pages/Tools';

export function App() {
  return (
    <InboxProvider>
      <Layout>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/tools" element={<Tools />} />
          <Route path="/tools/new" element={<ToolPropose />} />
          <Route path="/tools/:slug" element={<ToolPage />} />
          <Route path="/authorities/:id" element={<CatalogueAuthority />} />
        <Route path="/initiatives" element={<Initiatives />} />
        <Route path="/initiatives/new" element={<InitiativeNew />} />
        <Route path="/initiatives/dashboard" element={<InitiativeDashboard />} />
        <Route path="/initiatives/:slug" element={<InitiativePage />} />
        <Route path="/initiatives/:slug/edit" element={<InitiativeEdit />} />
          <Route path="/discussions" element={<Threads />} />
          <Route path="/threads/:id" element={<ThreadPage />} />
          <Route path="/sign-in" element={<SignIn />} />
          <Route path="/register" element={<Register />} />
          <Route path="/moderation" element={<Moderation />} />
          <Route path="/notifications" element={<Notifications />} />
          <Route path="/settings/notifications" element={<NotificationSettings />} />
          <Route path="/account" element={<Account />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Layout>
    </InboxProvider>
  );
}
