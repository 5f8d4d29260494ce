import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import 'govuk-frontend/dist/govuk/govuk-frontend.min.css';
import './app.css';
import { App } from './App';
import { AuthProvider } from './auth';
import { RealtimeProvider } from './realtime';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <AuthProvider>
        <RealtimeProvider>
          <App />
        </RealtimeProvider>
      </AuthProvider>
    </BrowserRouter>
  </StrictMode>,
);
