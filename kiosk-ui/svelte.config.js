/** Svelte compiles `<script lang="ts">` itself (types are stripped); nothing else to preprocess. */
export default {
  compilerOptions: {
    runes: true,
  },
};
