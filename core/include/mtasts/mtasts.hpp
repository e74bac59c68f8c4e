// Umbrella header of the MTA-STS Kit core.
#ifndef MTASTS_MTASTS_HPP
#define MTASTS_MTASTS_HPP

#include "mtasts/assess.hpp"
#include "mtasts/detect.hpp"
#include "mtasts/diagnostic.hpp"
#include "mtasts/dmarc.hpp"
#include "mtasts/doh.hpp"
#include "mtasts/generate.hpp"
#include "mtasts/json.hpp"
#include "mtasts/mx.hpp"
#include "mtasts/policy.hpp"
#include "mtasts/sts_record.hpp"
#include "mtasts/tlsrpt.hpp"

namespace mtasts {
inline constexpr const char* version = "0.1.0";
}

#endif  // MTASTS_MTASTS_HPP
