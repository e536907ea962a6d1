import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './app/app-providers.tsx';

createRoot(document.getElementById('root')!).render(<AppProviders />);
