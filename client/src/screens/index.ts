// The app's screens, in navigation order: add a screen by adding it here.
import { OverviewScreen } from './OverviewScreen.tsx';
import { CoverageScreen } from './CoverageScreen.tsx';
import { PairwiseScreen } from './PairwiseScreen.tsx';
import { FrameworkScreen } from './FrameworkScreen.tsx';
import type { ScreenDef } from './types.ts';

export const screens: ScreenDef[] = [
  { id: 'overview', label: 'Overview', component: OverviewScreen },
  { id: 'coverage', label: 'Coverage', component: CoverageScreen },
  { id: 'pairwise', label: 'Model to model', component: PairwiseScreen },
  { id: 'framework', label: 'Target framework', component: FrameworkScreen },
];
