// The app's screens, in navigation order: add a screen by adding it here.
import { OverviewScreen } from './OverviewScreen.tsx';
import type { ScreenDef } from './types.ts';

export const screens: ScreenDef[] = [
  { id: 'overview', label: 'Overview', component: OverviewScreen },
];
