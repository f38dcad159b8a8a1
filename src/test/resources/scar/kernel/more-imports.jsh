// SCAR_KERNEL_IMPORTS in ScarKernelTest: a name two of the kernel's on-demand imports could bring, settled
import java.sql.Date;
