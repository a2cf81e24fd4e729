//! The Communs node: a Substrate full node running the Communs runtime, with Aura block
//! authoring and GRANDPA finality.

#![warn(missing_docs)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;

fn main() {
	// One line naming the problem, never a panic trace or a debug dump: an operator reads this.
	if let Err(error) = command::run() {
		eprintln!("Error: {error}");
		std::process::exit(1);
	}
}
