// The screens of a review, in navigation order within their groups: add a screen by adding it here.
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
import { ScreeningScreen } from './ScreeningScreen.tsx';
import { CodingScreen } from './CodingScreen.tsx';
import { CitationsScreen } from './CitationsScreen.tsx';
import { SettingsScreen } from './SettingsScreen.tsx';
import type { ScreenDef } from './types.ts';

export const screens: ScreenDef[] = [
  { id: 'crosswalk', label: 'Crosswalk', group: 'Synthesis', component: CrosswalkScreen },
  { id: 'align', label: 'Align', group: 'Synthesis', component: AlignScreen },
  { id: 'lanes', label: 'Lanes', group: 'Synthesis', component: LanesScreen },
  { id: 'coverage', label: 'Coverage', group: 'Synthesis', component: CoverageScreen },
  { id: 'pairwise', label: 'Model to model', group: 'Synthesis', component: PairwiseScreen },
  { id: 'framework', label: 'Target framework', group: 'Synthesis', component: FrameworkScreen },
  { id: 'models', label: 'Models', group: 'Synthesis', component: ModelsScreen },
  { id: 'library', label: 'Library', group: 'Literature', component: LibraryScreen },
  { id: 'duplicates', label: 'Duplicates', group: 'Literature', component: DuplicatesScreen },
  { id: 'screening', label: 'Screening', group: 'Literature', component: ScreeningScreen },
  { id: 'coding', label: 'Coding', group: 'Literature', component: CodingScreen },
  { id: 'citations', label: 'Citations', group: 'References', component: CitationsScreen },
  { id: 'overview', label: 'Overview', group: 'Review', component: OverviewScreen },
  { id: 'settings', label: 'Settings', group: 'Review', component: SettingsScreen },
];
