export {
  appOrigin,
  launchChromium,
  openAppInChromium,
  openAppRouter,
  repoRoot,
  type AppInChromium,
  type AppInChromiumOptions,
  type AppRouter,
  type AppRouterOptions,
} from './openApp';
