// SPDX-License-Identifier: EUPL-1.2
// Work in progress (families feature).
export default function Placeholder() {
  return null;
}
