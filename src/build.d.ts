/** The build's name (vite.config.ts defines it): RAVINE_BUILD, else the time it was made. */
declare const __RAVINE_BUILD__: string;
