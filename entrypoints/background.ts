export default defineBackground(() => {
  // Wired in lib/: sync schedule, context menu, messages.
});
