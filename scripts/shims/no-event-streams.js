// Bundled (through tsconfig.json's paths) in place of @smithy/core/event-streams, which serves only
// operations with event streams: STS has none.
const unbundled = () => {
  throw new Error('@smithy/core/event-streams is not bundled with assume-aws-role');
};
export function EventStreamSerde() {
  unbundled();
}
export const eventStreamSerdeProvider = unbundled;
