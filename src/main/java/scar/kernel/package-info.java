/**
 * The SCAR Jupyter kernel: JShell in the kernel's own JVM on jjava-jupyter's protocol layer
 * ({@link scar.kernel.ScarKernel}, started by {@link scar.kernel.ScarKernelMain}), the renderers that show tables,
 * charts and SCAR results ({@link scar.kernel.ScarRenderers}), the line magics, and the kernelspec installer
 * ({@link scar.kernel.KernelInstaller}, {@link scar.kernel.KernelCommand}).
 */
package scar.kernel;
