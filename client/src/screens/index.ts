// The app's screens, in navigation order: add a screen by adding it here.
import { OverviewScreen } from './OverviewScreen.tsx';
import { CoverageScreen } from './CoverageScreen.tsx';
import { PairwiseScreen } from './PairwiseScreen.tsx';
import { FrameworkScreen } from './FrameworkScreen.tsx';
import { CrosswalkScreen } from './CrosswalkScreen.tsx';
import { AlignScreen } from './AlignScreen.tsx';
import { LanesScreen } from './LanesScreen.tsx';
import { ModelsScreen } from './ModelsScreen.tsx';
import { LibraryScreen } from './LibraryScreen.tsx';
import { DuplicatesScreen } from './DuplicatesScreen.tsx';
import { CitationsScreen } from './CitationsScreen.tsx';
import type { ScreenDef } from './types.ts';

export const screens: ScreenDef[] = [
  { id: 'overview', label: 'Overview', component: OverviewScreen },
  { id: 'crosswalk', label: 'Crosswalk', component: CrosswalkScreen },
  { id: 'align', label: 'Align', component: AlignScreen },
  { id: 'lanes', label: 'Lanes', component: LanesScreen },
  { id: 'coverage', label: 'Coverage', component: CoverageScreen },
  { id: 'pairwise', label: 'Model to model', component: PairwiseScreen },
  { id: 'framework', label: 'Target framework', component: FrameworkScreen },
  { id: 'models', label: 'Models', component: ModelsScreen },
  { id: 'citations', label: 'Citations', component: CitationsScreen },
  { id: 'library', label: 'Library', component: LibraryScreen },
  { id: 'duplicates', label: 'Duplicates', component: DuplicatesScreen },
];
