import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { z } from 'zod';
import { App } from './App.tsx';
import { keepScrollingTablesFocusable } from './lib/scrollableTables.ts';
import './styles.css';

// zod probes for eval() to speed up parsing; the page's CSP forbids eval and logs the probe as an error.
z.config({ jitless: true });

const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: 1 } } });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
keepScrollingTablesFocusable(root);
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
